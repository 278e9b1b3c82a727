# TODO: <fix> & 100%, "now"
