// A library beside the spec that imports it (found in the spec's own folder).
{
  name: 'sibling',
}
