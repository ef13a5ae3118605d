/** Test fixtures shared by every module's tests through the kernel's test jar. */
package io.cairn.kernel.testing;
