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
# median_time CMD…: REPS runs of time_ms; prints
#   "wall_median wall_min wall_max cpu_median cpu_min cpu_max".
median_time() {
  local w c walls=() cpus=()
  for ((i = 0; i < REPS; i++)); do
    read -r w c < <(time_ms "$@")
    walls+=("$w")
    cpus+=("$c")
  done
  echo "$(med_min_max "${walls[@]}") $(med_min_max "${cpus[@]}")"
}
# med_min_max N…: "median min max" of the numbers.
med_min_max() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f %.1f %.1f", m, v[1], v[NR] }'
}
# paired_time A B: REPS rounds, each running function A then function B (alternating
# which goes first), so both see the same load. Prints one line per command in the
# median_time format, A first, then the per-round ratio A/B of wall and of CPU as
#   "wall_ratio_median min max cpu_ratio_median min max".
paired_time() {
  local a=$1 b=$2 aw ac bw bc
  local a_walls=() a_cpus=() b_walls=() b_cpus=() r_wall=() r_cpu=()
  for ((i = 0; i < REPS; i++)); do
    if ((i % 2 == 0)); then
      read -r aw ac < <(time_ms "$a")
      read -r bw bc < <(time_ms "$b")
    else
      read -r bw bc < <(time_ms "$b")
      read -r aw ac < <(time_ms "$a")
    fi
    a_walls+=("$aw"); a_cpus+=("$ac"); b_walls+=("$bw"); b_cpus+=("$bc")
    r_wall+=("$(awk -v x="$aw" -v y="$bw" 'BEGIN { printf "%.3f", (y > 0) ? x / y : 0 }')")
    r_cpu+=("$(awk -v x="$ac" -v y="$bc" 'BEGIN { printf "%.3f", (y > 0) ? x / y : 0 }')")
  done
  echo "$(med_min_max "${a_walls[@]}") $(med_min_max "${a_cpus[@]}")"
  echo "$(med_min_max "${b_walls[@]}") $(med_min_max "${b_cpus[@]}")"
  printf '%s %s\n' "$(med_min_max_fine "${r_wall[@]}")" "$(med_min_max_fine "${r_cpu[@]}")"
}
med_min_max_fine() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f %.2f %.2f", m, v[1], v[NR] }'
}
