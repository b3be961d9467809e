// The C++ half of examples/cmake-hello: compiled by the C++ compiler, through sccache.
#include <iostream>

extern "C" const char *greeting(void);

int main() {
  std::cout << greeting() << " and C++\n";
  return 0;
}
