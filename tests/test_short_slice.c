/*
 * feed_short_slice (feed.c): the calling thread gets the short scheduler
 * slice (Linux 6.12+ reads it back as sched_runtime) and keeps its nice
 * value: run as root, a request carrying nice 0 would quietly raise a
 * thread someone niced.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "tap.h"
#include "net/feed.h"

struct attr {
	uint32_t size, policy;
	uint64_t flags;
	int32_t nice;
	uint32_t priority;
	uint64_t runtime, deadline, period;
};

/* The kernel reads a SCHED_OTHER slice from 6.12 on. */
static int
slices_known(void)
{
	struct utsname u;
	int major = 0, minor = 0;

	if (uname(&u) != 0 || sscanf(u.release, "%d.%d", &major, &minor) != 2)
		return 0;
	return major > 6 || (major == 6 && minor >= 12);
}

int
main(void)
{
	pid_t tid = (pid_t)syscall(SYS_gettid);
	struct attr a;

	if (setpriority(PRIO_PROCESS, (id_t)tid, 5) != 0) {
		printf("1..0 # SKIP cannot nice this thread\n");
		return 0;
	}
	feed_short_slice("test");
	is_int(getpriority(PRIO_PROCESS, (id_t)tid), 5, "the thread's nice is kept");
	memset(&a, 0, sizeof a);
	if (!ok(syscall(SYS_sched_getattr, 0, &a, sizeof a, 0) == 0, "sched_getattr"))
		return tap_done();
	is_int((int)a.policy, 0, "still SCHED_OTHER");
	if (slices_known())
		is_int((int)a.runtime, 100000, "a 0.1 ms slice");
	else
		ok(1, "# SKIP this kernel has no per-task slice");
	return tap_done();
}
