package io.chatprep.job.output;

import io.chatprep.job.tasks.RowKey;
import org.apache.spark.Partitioner;

/** Assigns each row to a shard by a hash of its source position: fixed for the same input and shard count. */
public final class ShardPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int shards;

    public ShardPartitioner(int shards) {
        this.shards = shards;
    }

    @Override
    public int numPartitions() {
        return shards;
    }

    @Override
    public int getPartition(Object key) {
        return Math.floorMod(((RowKey) key).stableHash(), shards);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShardPartitioner p && p.shards == shards;
    }

    @Override
    public int hashCode() {
        return shards;
    }
}
