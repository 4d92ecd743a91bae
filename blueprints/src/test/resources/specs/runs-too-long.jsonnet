// Terminates, but only after about 2^25 calls: longer than any test's time limit.
local f(n) = if n == 0 then 0 else f(n - 1) + f(n - 1);
f(25)
