package dev.arena.catalog;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How much of a model list arena reads, from the server and from its cache file alike. A real
 * list is small (OpenRouter's, the largest, is about 2 MB for some 350 models), so the limits
 * only stop a wrong base URL or a hostile server from filling arena's 256 MiB heap.
 */
final class ModelListLimits {

    /**
     * The most bytes read: 32 MiB, some 15 times OpenRouter's list, and small enough that the
     * models parsed from it (a few times its size in the heap at worst) fit the launcher's heap.
     */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    /** The bound as users read it. */
    static final String MAX_BYTES_TEXT = "32 MiB";

    /**
     * The most models kept: 100,000, some 300 times OpenRouter's. Without it, 32 MiB of
     * {@code {"id":"a"},} would be three million models, more than the heap holds.
     */
    static final int MAX_MODELS = 100_000;

    /**
     * The most distinct {@code supported_parameters} names kept over the whole list; later new
     * names are dropped. The API has some 30 parameters; without the bound, millions of distinct
     * short names would each cost a string.
     */
    static final int MAX_PARAMETER_NAMES = 1_000;

    private ModelListLimits() {
    }

    /** A model list past one of the limits; the message says which, to follow "the model list from HOST ". */
    static final class ExceededException extends IOException {
        ExceededException(String message) {
            super(message);
        }
    }

    /** The stream, failing with {@link ExceededException} once more than {@link #MAX_BYTES} were read. */
    static InputStream bounded(InputStream in) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = super.read(buffer, off, len);
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                counted(skipped);
                return skipped;
            }

            private void counted(long n) throws ExceededException {
                count += n;
                if (count > MAX_BYTES) {
                    throw new ExceededException("is larger than " + MAX_BYTES_TEXT);
                }
            }
        };
    }
}
