# Run by cpack before it builds a package from a -march=native build: refuse with the reason.
message(FATAL_ERROR
    "this build is tuned to the CPU it was built on (-DOPDIMS_MARCH=native) and its package could "
    "crash with an illegal instruction elsewhere; package a portable build instead: "
    "scripts/dev.sh package (or configure with -DOPDIMS_MARCH=x86-64-v2)")
