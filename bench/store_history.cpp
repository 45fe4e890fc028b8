// A store as a year of hourly refreshes leaves it (bench/fetch_304_real.cpp, `history`):
// beside its current snapshot, one snapshot file per hour of the year before it.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <system_error>

#include "eutl/cache/store.h"

namespace fs = std::filesystem;

// Copies the store's current snapshot JSON under `hours` snapshot ids, one per hour
// ending an hour before 2026-08-21T00:00:00Z (ids as Store::write_snapshot names them:
// creation time, counter, digest prefix); false when the store has no current snapshot
// or a copy fails.
bool fill_store_history(const fs::path& store, int hours) {
  auto opened = eutl::cache::Store::open(store);
  if (!opened) {
    return false;
  }
  auto current = opened->current_file();
  if (!current || !*current) {
    return false;
  }
  const fs::path source = store / "snapshots" / ((*current)->id + ".json");
  std::error_code ec;
  const std::time_t end = 1787270400;  // 2026-08-21T00:00:00Z
  for (int h = 1; h <= hours; ++h) {
    const std::time_t t = end - static_cast<std::time_t>(h) * 3600;
    std::tm utc{};
    ::gmtime_r(&t, &utc);
    char name[64];
    std::strftime(name, sizeof name, "%Y%m%dT%H%M%SZ", &utc);
    char rest[32];
    std::snprintf(rest, sizeof rest, "-000-%016x.json", static_cast<unsigned>(h));
    if (!fs::copy_file(source, store / "snapshots" / (std::string(name) + rest), ec) || ec) {
      return false;
    }
  }
  return true;
}
