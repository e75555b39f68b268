import type { TContentCategory } from "@kt/contract";
import { CueAnchors } from "./anchors";

/** `anchors`: words or phrases, one of which every match of `re` contains at a word start (see CueAnchors). */
type TCue = { re: RegExp; weight: number; anchors: string[] };

/**
 * Lexical cues per category. A score is 1 - Π(1 - weight) over the cues present: one strong cue passes the
 * default threshold of 0.5; weak cues need company.
 */
const CUES: Record<TContentCategory, TCue[]> = {
  violence: [
    {
      re: /\b(kill|murder|stab|shoot|behead|massacre|slaughter|strangle)(s|ed|ing)?\s+(him|her|them|people|someone|everyone|my \w+|the (kids|children|students|crowd|police|teacher|boss|president)|you)\b(?!\s+(an|a)\s+(email|message|note|text|line))/i,
      weight: 0.7,
      anchors: ["kill", "murder", "stab", "shoot", "behead", "massacre", "slaughter", "strangle"],
    },
    {
      re: /\b(how to|ways to|help me)\b[^.\n]{0,30}\b(kill|hurt|torture|poison|attack|assault)\b/i,
      weight: 0.8,
      anchors: ["kill", "hurt", "torture", "poison", "attack", "assault"],
    },
    {
      re: /\b(bomb|explosive|ied|pipe bomb|mass shooting|terror attack)\b/i,
      weight: 0.45,
      anchors: ["bomb", "explosive", "ied", "shoot", "attack"],
    },
    {
      re: /\b(make|build|assemble)\b[^.\n]{0,20}\b(bomb|explosive|weapon|gun)\b/i,
      weight: 0.8,
      anchors: ["bomb", "explosive", "weapon", "gun"],
    },
  ],
  hate: [
    {
      re: /\b(all|those|these)\s+\w+\s+(are|should be)\s+(vermin|subhuman|animals|parasites|exterminated|wiped out)\b/i,
      weight: 0.85,
      anchors: ["vermin", "subhuman", "animals", "parasites", "exterminated", "wiped out"],
    },
    {
      re: /\b(inferior race|ethnic cleansing|white power|master race|gas the)\b/i,
      weight: 0.85,
      anchors: ["inferior race", "ethnic cleansing", "white power", "master race", "gas the"],
    },
    {
      re: /\b(hate|despise)\s+(all\s+)?(jews|muslims|christians|blacks|whites|asians|gays|immigrants|women|men)\b/i,
      weight: 0.7,
      anchors: ["hate", "despise"],
    },
  ],
  "self-harm": [
    {
      re: /\b(kill myself|end my life|suicide|self[- ]harm|cut myself|want to die|overdose on)\b/i,
      weight: 0.75,
      anchors: ["kill myself", "end my life", "suicide", "self", "cut myself", "want to die", "overdose on"],
    },
    {
      re: /\b(how (many|much)|best way)\b[^.\n]{0,30}\b(pills|to die|painless(ly)?)\b/i,
      weight: 0.6,
      anchors: ["pills", "to die", "painless"],
    },
  ],
  sexual: [
    {
      re: /\b(porn|pornographic|explicit sex|sexual(ly)? explicit|nude|nudes|erotic|xxx|nsfw)\b/i,
      weight: 0.7,
      anchors: ["porn", "explicit", "nude", "erotic", "xxx", "nsfw"],
    },
    {
      re: /\b(minor|child|underage|teen)\b[^.\n]{0,30}\b(sex|sexual|nude|explicit)\b/i,
      weight: 0.95,
      anchors: ["sex", "nude", "explicit"],
    },
  ],
  harmful: [
    {
      re: /\b(synthesi[sz]e|make|cook|produce|manufacture)\b[^.\n]{0,30}\b(meth|methamphetamine|fentanyl|heroin|cocaine|sarin|ricin|nerve agent|anthrax)\b/i,
      weight: 0.9,
      anchors: ["meth", "fentanyl", "heroin", "cocaine", "sarin", "ricin", "nerve agent", "anthrax"],
    },
    {
      re: /\b(ransomware|keylogger|malware|phishing (kit|email|page)|credit card skimmer|botnet)\b[^.\n]{0,40}\b(write|build|create|code|make|deploy)\b|\b(write|build|create|code|make|deploy)\b[^.\n]{0,40}\b(ransomware|keylogger|malware|phishing (kit|email|page)|botnet)\b/i,
      weight: 0.8,
      anchors: ["ransomware", "keylogger", "malware", "phishing", "credit card skimmer", "botnet"],
    },
    {
      re: /\b(launder money|evade taxes|counterfeit (money|currency)|steal (a car|credit cards?|identities))\b/i,
      weight: 0.7,
      anchors: ["launder money", "evade taxes", "counterfeit", "steal"],
    },
  ],
  biased: [
    {
      re: /\b(women|men|blacks|whites|asians|latinos|immigrants|muslims|jews|christians|old people|gay people)\s+(are|is)\s+(naturally|inherently|genetically|always|all)?\s*(inferior|stupid|lazy|worse|less intelligent|criminals|bad at|weak|emotional)\b/i,
      weight: 0.8,
      anchors: [
        "women",
        "men",
        "blacks",
        "whites",
        "asians",
        "latinos",
        "immigrants",
        "muslims",
        "jews",
        "christians",
        "old people",
        "gay people",
      ],
    },
    {
      re: /\b(don't|do not|never|shouldn't)\s+hire\b[^.\n]{0,30}\b(women|men|mothers|pregnant|older|old|black|muslim|jewish|gay|immigrants?)\b/i,
      weight: 0.8,
      anchors: ["hire"],
    },
    {
      re: /\b(only|prefer)\b[^.\n]{0,20}\b(young|male|female|white)\s+(candidates|applicants|employees)\b/i,
      weight: 0.6,
      anchors: ["candidates", "applicants", "employees"],
    },
  ],
};

const CUE_LIST = Object.values(CUES).flat();
const ANCHORS = new CueAnchors(CUE_LIST.map((cue) => cue.anchors));
const CUE_INDEX = new Map(CUE_LIST.map((cue, i) => [cue, i]));

export function scoreContent(text: string, categories: readonly TContentCategory[]): Record<string, number> {
  const present = ANCHORS.present(text);
  const scores: Record<string, number> = {};
  for (const category of categories) {
    let miss = 1;
    if (present) {
      for (const cue of CUES[category])
        if (present[CUE_INDEX.get(cue)!] && cue.re.test(text)) miss *= 1 - cue.weight;
    }
    scores[category] = Math.round((1 - miss) * 1000) / 1000;
  }
  return scores;
}
