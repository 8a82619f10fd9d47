/* probe.c — cold start: exec a server and poll it until the first
 * `200` on PATH; print the milliseconds from exec and the server's pid.
 * The server is left running (the caller stops it by that pid).
 *
 *   probe PORT PATH TIMEOUT_MS LOGFILE -- COMMAND [ARGS...]
 *
 * prints `cold_ms <ms> pid <pid>`; exit 1 when no 200 came in time. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* 1 when GET path answers 200 */
static int ok(int port, const char *path)
{
	struct sockaddr_in sa = { 0 };
	char req[512], buf[64];
	int fd = socket(AF_INET, SOCK_STREAM, 0), n, got = 0;

	if (fd < 0)
		return 0;
	sa.sin_family = AF_INET;
	sa.sin_port = htons((unsigned short)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		close(fd);
		return 0;
	}
	snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n\r\n", path, port);
	if (write(fd, req, strlen(req)) < 0) {
		close(fd);
		return 0;
	}
	while (got < 12 && (n = (int)read(fd, buf + got, sizeof(buf) - 1 - (size_t)got)) > 0)
		got += n;
	close(fd);
	buf[got] = '\0';
	return got >= 12 && strncmp(buf + 9, "200", 3) == 0;
}

int main(int argc, char **argv)
{
	int port, timeout, i;
	const char *path, *log;
	double t0;
	pid_t pid;

	if (argc < 7 || strcmp(argv[5], "--") != 0) {
		fprintf(stderr, "usage: probe PORT PATH TIMEOUT_MS LOGFILE -- COMMAND [ARGS...]\n");
		return 2;
	}
	port = atoi(argv[1]);
	path = argv[2];
	timeout = atoi(argv[3]);
	log = argv[4];
	if (ok(port, path)) {
		fprintf(stderr, "probe: something already answers on port %d\n", port);
		return 1;
	}
	t0 = now_ms();
	pid = fork();
	if (pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);

		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
			close(fd);
		}
		setsid();
		execvp(argv[6], argv + 6);
		_exit(127);
	}
	if (pid < 0) {
		perror("probe: fork");
		return 1;
	}
	for (i = 0;; i++) {
		int status;

		if (ok(port, path)) {
			printf("cold_ms %.1f pid %d\n", now_ms() - t0, (int)pid);
			return 0;
		}
		if (waitpid(pid, &status, WNOHANG) == pid) {
			fprintf(stderr, "probe: %s exited before answering (see %s)\n", argv[6], log);
			return 1;
		}
		if (now_ms() - t0 > timeout) {
			fprintf(stderr, "probe: no 200 on %s within %d ms\n", path, timeout);
			printf("cold_ms -1 pid %d\n", (int)pid);
			return 1;
		}
		usleep(1000);
	}
}
