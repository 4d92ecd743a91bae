assert 1 == 2 : 'the spec refuses itself';
{}
