#include "socket.h"

int main(void) { return socket_open(); }
