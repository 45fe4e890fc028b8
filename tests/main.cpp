// Test runner: one LibraryGuard for the whole process (style C14).
#include <gtest/gtest.h>

#include "eutl/library.h"

int main(int argc, char** argv) {
  eutl::LibraryGuard guard;
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
