package io.cairn.storage;

import io.cairn.kernel.CairnException;
import io.cairn.kernel.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Guarantees that one Cairn process at a time uses a data directory. The lock is an operating-system file
 * lock, so it is released when the process dies, even by {@code kill -9}, and the next start can take over.
 */
public final class InstanceLock implements AutoCloseable {
    private static final String FILE_NAME = "instance.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of a data directory, creating the directory when needed.
     *
     * @throws CairnException {@code CAIRN-STORE-0003} when another live process holds it
     */
    public static InstanceLock acquire(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            Path file = dataDirectory.resolve(FILE_NAME);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new CairnException(ErrorCode.STORE_DATA_DIRECTORY_LOCKED, "data directory " + dataDirectory
                        + " is in use by another Cairn process" + (holder.isEmpty() ? "" : " (pid " + holder + ")"));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new InstanceLock(channel, lock);
        } catch (IOException e) {
            throw new CairnException(ErrorCode.STORE_DATA_DIRECTORY_LOCKED,
                    "cannot lock data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes away with the process in any case
        }
    }
}
