/* The C half of examples/cmake-hello: compiled by the C compiler, through sccache. */
const char *greeting(void) { return "hello from C"; }
