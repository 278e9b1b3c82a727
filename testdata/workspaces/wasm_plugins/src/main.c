#include "net/tcp/socket.h"

int main(void) {
  return socket_open();
}
