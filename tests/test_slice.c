/*
 * cs_prefer_short_slice (util.h): the calling thread gets a short time
 * slice and keeps its nice value; threads started after it, and a policy
 * someone else chose, are left as they were.  On kernels without custom
 * slices for ordinary threads (before Linux 6.12) there is nothing to see.
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "util.h"
#include "tap.h"

struct attr {
	uint32_t size, policy;
	uint64_t flags;
	int32_t nice;
	uint32_t priority;
	uint64_t runtime, deadline, period;
	uint32_t util_min, util_max;
};

static int
get(struct attr *a)
{
	memset(a, 0, sizeof *a);
	return (int)syscall(SYS_sched_getattr, 0, a, (unsigned)sizeof *a, 0);
}

static void *
started_after(void *arg)
{
	struct attr *a = arg;

	get(a);
	return NULL;
}

/* Whether this kernel keeps a slice set on an ordinary thread. */
static void *
probe(void *arg)
{
	struct attr a;
	bool *has = arg;

	get(&a);
	a.size = sizeof a;
	a.runtime = 200000;
	*has = syscall(SYS_sched_setattr, 0, &a, 0) == 0 && get(&a) == 0 &&
	    a.runtime == 200000;
	return NULL;
}

static void *
batch_thread(void *arg)
{
	struct sched_param p = { 0 };
	struct attr *a = arg;

	if (sched_setscheduler(0, SCHED_BATCH, &p) != 0)
		return NULL;
	cs_prefer_short_slice();
	get(a);
	return NULL;
}

int
main(void)
{
	struct attr before, after, child, batch;
	pthread_t t;
	bool has = false;

	if (get(&before) != 0 || setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 3) != 0) {
		tap_diag("skipped: no sched_getattr or setpriority here");
		return tap_done();
	}
	pthread_create(&t, NULL, probe, &has);
	pthread_join(t, NULL);
	if (!has) {
		ok(1, "# SKIP this kernel has no custom slices for ordinary threads");
		return tap_done();
	}
	cs_prefer_short_slice();
	get(&after);
	is_int((long)after.runtime, 100000L, "the thread's slice is 0.1 ms");
	is_int(after.nice, 3, "its nice value is kept");
	is_int((int)after.policy, SCHED_OTHER, "its policy is kept");

	memset(&child, 0, sizeof child);
	pthread_create(&t, NULL, started_after, &child);
	pthread_join(t, NULL);
	ok(child.runtime != 100000 && child.runtime != 0,
	    "a thread it starts has the default slice (%lu ns)", (unsigned long)child.runtime);

	memset(&batch, 0, sizeof batch);
	pthread_create(&t, NULL, batch_thread, &batch);
	pthread_join(t, NULL);
	is_int((int)batch.policy, SCHED_BATCH, "a batch thread stays batch");
	ok(batch.runtime != 100000, "and keeps its slice");
	return tap_done();
}
