#!/bin/sh
# The paper's claim in numbers: for each network, the smallest k whose reduced-rank cost is at most
# twice the full network's (grid batch), for PC dimensions and global operative column and row
# dimensions computed by opdims at the default sampling locations of the grid batch.
# Usage: paper_claim.sh OPDIMS_BINARY DATA_DIR OUT_DIR   (writes one CSV per sweep into OUT_DIR)
set -eu
opdims=$1
data=$2
out=$3
mkdir -p "$out"
printf 'task,net,full_cost,k_pc,k_op_columns,k_op_rows\n'
for task in ctxt swg; do
    for net in 1 2 3 4 5; do
        line="$task,$net"
        full=""
        for basis in pc op-columns op-rows; do
            csv="$out/${task}_net${net}_${basis}.csv"
            summary=$("$opdims" sweep "$data/${task}_weights.h5" --task "$task" --net "$net" \
                --basis "$basis" --csv "$csv")
            full=$(echo "$summary" | sed -n 's/.*full cost \([^,]*\),.*/\1/p')
            k=$(echo "$summary" | sed -n 's/.*2 x full: \([0-9]*\).*/\1/p')
            line="$line,${k:-none}"
        done
        echo "$line" | sed "s/^$task,$net/$task,$net,$full/"
    done
done
