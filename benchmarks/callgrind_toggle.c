/* toggle(): switch callgrind's event collection (benchmarks/mentions_instructions.py --toggle). */
#include <valgrind/callgrind.h>

void toggle(void) { CALLGRIND_TOGGLE_COLLECT; }
