package io.chatprep.job.output;

import io.chatprep.job.tasks.EncodedRecord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Best-fit-decreasing packing: rows longest first, each into the open pack with the least room that still
 * fits it, else a new pack. Ties keep the input order, so the same rows always give the same packs.
 * A row longer than the pack length (only possible with {@code max_length_policy: keep}) gets a pack alone.
 */
public final class Packer {
    private final int packLength;

    public Packer(int packLength) {
        this.packLength = packLength;
    }

    public List<List<EncodedRecord>> pack(List<EncodedRecord> rows) {
        List<EncodedRecord> order = new ArrayList<>(rows);
        order.sort(Comparator.comparingInt(EncodedRecord::numTokens).reversed());
        List<List<EncodedRecord>> packs = new ArrayList<>();
        // Remaining room -> indexes of packs with exactly that room, oldest first.
        TreeMap<Integer, ArrayDeque<Integer>> byRoom = new TreeMap<>();
        int[] room = new int[rows.size()];
        for (EncodedRecord r : order) {
            int len = r.numTokens();
            Map.Entry<Integer, ArrayDeque<Integer>> fit = byRoom.ceilingEntry(len);
            int index;
            if (fit == null) {
                index = packs.size();
                packs.add(new ArrayList<>());
                room[index] = Math.max(0, packLength - len);
            } else {
                index = fit.getValue().pollFirst();
                if (fit.getValue().isEmpty()) {
                    byRoom.remove(fit.getKey());
                }
                room[index] = fit.getKey() - len;
            }
            packs.get(index).add(r);
            if (room[index] > 0) {
                byRoom.computeIfAbsent(room[index], k -> new ArrayDeque<>()).addLast(index);
            }
        }
        return packs;
    }
}
