/* Name tables for the generator (sim_names.c). */
#ifndef CS_SIM_NAMES_H
#define CS_SIM_NAMES_H

#include <stddef.h>

struct sim_team_name {
	const char *market, *name, *alias;
	int color;                   /* 0xRRGGBB */
};

extern const struct sim_team_name sim_team_names[];
extern const size_t sim_nteam_names;
extern const char *const sim_first_names[];
extern const size_t sim_nfirst_names;
extern const char *const sim_last_names[];
extern const size_t sim_nlast_names;

#endif
