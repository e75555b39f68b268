export { detectPii } from "./policy/detectors/pii";
