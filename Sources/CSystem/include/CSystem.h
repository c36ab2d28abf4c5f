#ifndef DUPING_CSYSTEM_H
#define DUPING_CSYSTEM_H
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>

/// accept4 needs _GNU_SOURCE, which Swift's Glibc module is not built with.
int cs_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);
/// epoll_data is a union; these keep Swift away from it.
static inline void cs_epoll_event_set_fd(struct epoll_event *ev, int fd) { ev->data.fd = fd; }
static inline int cs_epoll_event_fd(const struct epoll_event *ev) { return ev->data.fd; }
#endif
