import os
x = 1  # TODO: <fix> & 100%, "now"
