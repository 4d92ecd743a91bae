[{ apiVersion: 'meridian/v1' }]
