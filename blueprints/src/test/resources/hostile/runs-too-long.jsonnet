// Terminates only after about 2^25 calls.
local f(n) = if n == 0 then 0 else f(n - 1) + f(n - 1);
{ name: f(25) }
