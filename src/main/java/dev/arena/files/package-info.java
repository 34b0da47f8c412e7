/**
 * Files arena writes: whole-file replacement that never leaves half a file or a temporary
 * behind and never replaces what is not a regular file, and the OS locks that keep two arena
 * processes from writing one file at once. And files arena reads: whole text files read with
 * a bound, so that no file can fill the heap.
 */
package dev.arena.files;
