int socket_open(void);
