{
  apiVersion: importstr '/etc/passwd',
}
