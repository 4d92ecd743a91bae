local a(x) = b(x + 1), b(x) = a(x + 1);
a(0)
