/**
 * A one-scan prefilter for a list of cue regexes. Each cue names anchors: words or phrases (ASCII, lower case) one
 * of which every match of the cue contains at a word start (`\b`). One combined case-insensitive scan finds which
 * anchors occur; only the cues they belong to need their own regex run. On text with no anchor that is one regex
 * scan instead of one per cue, and the results cannot differ because a cue without its anchor cannot match.
 */
export class CueAnchors {
  private readonly scan: RegExp;
  /** Lower-cased anchor → the cues it implies: its own, and those of every anchor that is a prefix of it. */
  private readonly cuesByAnchor = new Map<string, number[]>();

  constructor(private readonly anchorsPerCue: readonly (readonly string[])[]) {
    const anchors = [...new Set(anchorsPerCue.flat())];
    for (const anchor of anchors) {
      if (!/^[a-z][a-z_ -]{2,}$/.test(anchor))
        throw new Error(`cue anchor must be 3+ lower-case letters: ${anchor}`);
      const cues: number[] = [];
      anchorsPerCue.forEach((own, cue) => {
        if (own.some((a) => anchor.startsWith(a))) cues.push(cue);
      });
      this.cuesByAnchor.set(anchor, cues);
    }
    // Longest first: where several anchors match at one place the longest wins, and the shorter ones are its
    // prefixes, whose cues it already carries.
    anchors.sort((a, b) => b.length - a.length);
    this.scan = new RegExp(`\\b(?:${anchors.join("|")})`, "gi");
  }

  /** Which cues may match `text` (by index); null when none can. */
  present(text: string): boolean[] | null {
    let present: boolean[] | null = null;
    const scan = this.scan;
    scan.lastIndex = 0;
    for (let m = scan.exec(text); m; m = scan.exec(text)) {
      present ??= new Array<boolean>(this.anchorsPerCue.length).fill(false);
      // A case-insensitive match of an ASCII pattern is ASCII (without the u flag no other character folds onto
      // one), so lower-casing it gives the anchor back.
      for (const cue of this.cuesByAnchor.get(m[0].toLowerCase())!) present[cue] = true;
      // A phrase anchor may end inside the next word; resume just after this match's start so no word start is
      // skipped.
      scan.lastIndex = m.index + 1;
    }
    return present;
  }
}
