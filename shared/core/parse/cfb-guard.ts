/**
 * A structural check of a Compound File (MS-CFB), the container of Outlook .msg files, run before
 * @kenjiuno/msgreader: that library follows sector chains and sibling links without cycle checks and allocates
 * declared stream sizes, so a damaged or hostile file can make it loop until the heap is gone. The check walks
 * the same structures with cycle detection and bounds, and refuses what would not terminate quickly.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = -2; // MS-CFB §2.1 ENDOFCHAIN
const NO_STREAM = -1; // MS-CFB §2.6.1 NOSTREAM
const HEADER_FAT_ENTRIES = 109; // MS-CFB §2.2: DIFAT entries in the header
const DIRECTORY_ENTRY_SIZE = 128;
const MINI_STREAM_CUTOFF = 4096; // MS-CFB §2.2: smaller streams live in the mini stream
const STREAM = 2;
const STORAGE = 1;

/** Why the file is refused, or undefined when msgreader may read it. */
export function compoundFileProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length < 1024 || SIGNATURE.some((byte, i) => bytes[i] !== byte)) return 'not a compound file';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const int = (offset: number): number =>
    offset + 4 <= bytes.length ? view.getInt32(offset, true) : END_OF_CHAIN;
  const sectorSize = bytes[30] === 12 ? 4096 : 512;
  const perSector = sectorSize / 4;
  const sectors = Math.floor(bytes.length / sectorSize) - 1;
  const inRange = (sector: number): boolean => sector >= 0 && sector < sectors;
  const fatCount = int(0x2c);
  if (fatCount < 0 || fatCount > sectors) return 'FAT sector count out of range';
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatCount, HEADER_FAT_ENTRIES); i++) fatSectors.push(int(0x4c + 4 * i));
  let xbat = int(0x44);
  const xbatCount = int(0x48);
  if (xbatCount < 0 || xbatCount > sectors) return 'DIFAT sector count out of range';
  const seenXbat = new Set<number>();
  for (let i = 0; i < xbatCount && inRange(xbat); i++) {
    if (seenXbat.has(xbat)) return 'DIFAT chain loops';
    seenXbat.add(xbat);
    const base = (xbat + 1) * sectorSize;
    for (let j = 0; j < perSector - 1 && fatSectors.length < fatCount; j++)
      fatSectors.push(int(base + 4 * j));
    xbat = int(base + 4 * (perSector - 1));
  }
  if (!fatSectors.every(inRange)) return 'FAT sector outside the file';
  const nextIn =
    (table: readonly number[]) =>
    (index: number): number => {
      const block = table[Math.floor(index / perSector)];
      return block === undefined ? END_OF_CHAIN : int((block + 1) * sectorSize + 4 * (index % perSector));
    };
  const nextSector = nextIn(fatSectors);
  /** The chain from `start`, or undefined when it loops or runs longer than `limit`. */
  const chain = (start: number, next: (index: number) => number, limit: number): number[] | undefined => {
    const seen = new Set<number>();
    const out: number[] = [];
    for (let current = start; current !== END_OF_CHAIN && current >= 0; current = next(current)) {
      if (seen.has(current) || out.length > limit) return undefined;
      seen.add(current);
      out.push(current);
    }
    return out;
  };
  const directory = chain(int(0x30), nextSector, sectors);
  if (!directory) return 'directory chain loops';
  const miniFatCount = int(0x40);
  if (miniFatCount < 0 || miniFatCount > sectors) return 'mini FAT sector count out of range';
  const miniFat = chain(int(0x3c), nextSector, sectors);
  if (!miniFat) return 'mini FAT chain loops';
  const nextMini = nextIn(miniFat.slice(0, miniFatCount));
  const entries: { type: number; left: number; right: number; child: number; start: number; size: number }[] =
    [];
  for (const sector of directory) {
    for (
      let offset = (sector + 1) * sectorSize;
      offset < (sector + 2) * sectorSize;
      offset += DIRECTORY_ENTRY_SIZE
    ) {
      if (offset + DIRECTORY_ENTRY_SIZE > bytes.length) break;
      entries.push({
        type: bytes[offset + 0x42]!,
        left: int(offset + 0x44),
        right: int(offset + 0x48),
        child: int(offset + 0x4c),
        start: int(offset + 0x74),
        size: int(offset + 0x78),
      });
    }
  }
  const root = entries[0];
  if (!root) return 'no root entry';
  if (!chain(root.start, nextSector, sectors)) return 'mini stream chain loops';
  for (const entry of entries) {
    if (entry.type !== STREAM) continue;
    if (entry.size < 0 || entry.size > bytes.length) return 'stream size larger than the file';
    const small = entry.size > 0 && entry.size < MINI_STREAM_CUTOFF;
    if (small && !chain(entry.start, nextMini, (miniFat.length * sectorSize) / 64))
      return 'mini stream chain loops';
  }
  // The red-black tree of directory entries (MS-CFB §2.6.4) must be a tree: no entry reached twice.
  const reached = new Set<number>([0]);
  const pending = [root.child];
  while (pending.length > 0) {
    const index = pending.pop()!;
    if (index === NO_STREAM || index < 0 || index >= entries.length) continue;
    if (reached.has(index)) return 'directory tree loops';
    reached.add(index);
    const entry = entries[index]!;
    pending.push(entry.left, entry.right);
    if (entry.type === STORAGE) pending.push(entry.child);
  }
  return undefined;
}
