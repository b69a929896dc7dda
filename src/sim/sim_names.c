/*
 * The names the generator draws from: fictional teams in real cities and
 * plausible player names (a few with accents, apostrophes, hyphens and
 * suffixes, because real rosters have them and clients must cope).
 */
#include "config.h"

#include <stddef.h>

#include "sim/sim_names.h"

const struct sim_team_name sim_team_names[] = {
	{ "Portland", "Lumberjacks", "POR", 0x1e5b3a },
	{ "Baltimore", "Harbormasters", "BAL", 0x23395d },
	{ "Albuquerque", "Roadrunners", "ABQ", 0xc8102e },
	{ "Tacoma", "Tides", "TAC", 0x00788c },
	{ "Omaha", "Stockyards", "OMA", 0x8b5a2b },
	{ "Louisville", "Thoroughbreds", "LOU", 0x6a1b9a },
	{ "Pittsburgh", "Ironmen", "PIT", 0xffb612 },
	{ "San Diego", "Sea Lions", "SDS", 0x0067a5 },
	{ "Kansas City", "Monarchs", "KCM", 0x002d72 },
	{ "Hartford", "Whalers", "HFD", 0x00843d },
	{ "St. Louis", "Riverboats", "STL", 0xb5121b },
	{ "Nashville", "Sound", "NSH", 0xf2a900 },
	{ "Buffalo", "Blizzard", "BUF", 0x4fa3d9 },
	{ "Anchorage", "Aurora", "ANC", 0x3fcfaa },
	{ "Tucson", "Saguaros", "TUC", 0x2e7d32 },
	{ "Las Vegas", "Aces High", "LVA", 0xb8860b },
	{ "Richmond", "Rapids", "RIC", 0x1565c0 },
	{ "Honolulu", "Waves", "HNL", 0x00acc1 },
	{ "Cincinnati", "Kings", "CIN", 0xd84315 },
	{ "El Paso", "Coyotes", "ELP", 0xa1887f },
	{ "Raleigh", "Oaks", "RAL", 0x33691e },
	{ "Boise", "Broncs", "BOI", 0xef6c00 },
	{ "Montréal", "Voyageurs", "MTL", 0xad1457 },
	{ "Vancouver", "Orcas", "VAN", 0x263238 },
	{ "Columbus", "Navigators", "CLB", 0x5e35b1 },
	{ "Spokane", "Falls", "SPK", 0x0277bd },
	{ "Des Moines", "Cyclones", "DSM", 0x9e9d24 },
	{ "Birmingham", "Steel", "BHM", 0x546e7a },
	{ "Santa Fe", "Turquoise", "SFE", 0x26a69a },
	{ "Providence", "Friars Club", "PVD", 0x3e2723 },
	{ "Fresno", "Raisins", "FRE", 0x7b1fa2 },
	{ "Savannah", "Live Oaks", "SAV", 0x558b2f },
};
const size_t sim_nteam_names = sizeof sim_team_names / sizeof sim_team_names[0];

const char *const sim_first_names[] = {
	"Marcus", "Jalen", "Tyrese", "Devin", "Andre", "Malik", "Isaiah", "Jordan",
	"Darius", "Cameron", "Trey", "Kevin", "Jamal", "Brandon", "Xavier", "Terrence",
	"Nikola", "Luka", "Giannis", "Bogdan", "Jonas", "Domantas", "Dario", "Théo",
	"Killian", "Ömer", "Álex", "Goran", "Rudy", "Evan", "Mason", "Tyler",
	"Caleb", "Zion", "De'Andre", "Ja'Kobe", "D'Angelo", "Shai", "OG", "RJ",
	"Keegan", "Jaren", "Scottie", "Franz", "Paolo", "Cade", "Jabari", "Bennedict",
	"Walker", "Quentin", "Reggie", "Anfernee", "Khris", "Kyle", "Chris", "Patrick",
	"Elijah", "Josh", "Aaron", "Derrick", "Lonnie", "Naz", "Precious", "Santi",
	"Yuki", "Rui", "Kai", "Tari", "Moses", "Cheick", "Pascal", "Serge",
	"Joel", "Alperen", "Dyson", "Ausar", "Amen", "Jett", "Bilal", "Tidjane",
};
const size_t sim_nfirst_names = sizeof sim_first_names / sizeof sim_first_names[0];

const char *const sim_last_names[] = {
	"Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
	"Thomas", "Jackson", "White", "Harris", "Martin", "Thompson", "Robinson", "Clark",
	"Lewis", "Walker", "Hall", "Allen", "Young", "King", "Wright", "Hill",
	"Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner",
	"Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris",
	"Jokić", "Dončić", "Šarić", "Valančiūnas", "Sabonis", "Bogdanović", "Ntilikina", "Gobert",
	"Fournier", "Müller", "Schröder", "Hernangómez", "Aldama", "Hachimura", "Watanabe", "Diallo",
	"Siakam", "Embiid", "Şengün", "Gilgeous-Alexander", "Caldwell-Pope", "Walker-Kimbrough", "O'Neale", "McDaniels",
	"DiVincenzo", "LaVine", "DeRozan", "Van Vleet", "Mobley", "Okongwu", "Achiuwa", "Nwora",
	"Porziņģis", "Okafor", "Mathurin", "Thompson", "Ivey", "Sochan", "Wembanyama", "Sarr",
};
const size_t sim_nlast_names = sizeof sim_last_names / sizeof sim_last_names[0];
