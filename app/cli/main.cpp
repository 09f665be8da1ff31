// Entry point of the `opdims` command-line tool.
#include "app/cli/command.h"

int main(int argc, char** argv) {
    return opdims::cli::runCli(argc, argv);
}
