# Timing helpers shared by the bench scripts (sourced; REPS must be set).
# time_ms CMD…: prints "wall_ms cpu_ms" (cpu = user + sys of the command and its children).
TIMEFORMAT='%3R %3U %3S'
time_ms() {
  local t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 | tail -1)
  awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%.1f %.1f\n", a[1] * 1000, (a[2] + a[3]) * 1000 }'
}
# min_time CMD…: the minimum over REPS runs of each column of time_ms.
min_time() {
  local best_wall="" best_cpu="" w c
  for ((i = 0; i < REPS; i++)); do
    read -r w c < <(time_ms "$@")
    best_wall=$(awk -v a="$best_wall" -v b="$w" 'BEGIN { print (a == "" || b < a) ? b : a }')
    best_cpu=$(awk -v a="$best_cpu" -v b="$c" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  echo "$best_wall $best_cpu"
}
