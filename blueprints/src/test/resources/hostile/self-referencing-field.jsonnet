{
  apiVersion: self.apiVersion,
}
