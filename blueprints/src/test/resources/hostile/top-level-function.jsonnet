function(name) { name: name }
