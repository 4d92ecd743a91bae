'meridian/v1'
