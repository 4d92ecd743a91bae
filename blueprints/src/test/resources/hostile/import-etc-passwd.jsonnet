import '/etc/passwd'
