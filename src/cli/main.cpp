#include "cli/app.h"

int main(int argc, char** argv) { return specgate::cli::run(argc, argv); }
