/** Mock OpenAI upstream with zero think time: answers every chat completion at once with the same body. */
import { createServer } from "node:http";

const body = JSON.stringify({
  id: "chatcmpl-bench",
  object: "chat.completion",
  created: 1700000000,
  model: "gpt-4o-mini",
  choices: [
    {
      index: 0,
      message: {
        role: "assistant",
        content: "The quarterly figures look healthy; revenue grew while costs held steady.",
      },
      finish_reason: "stop",
    },
  ],
  usage: { prompt_tokens: 250, completion_tokens: 14, total_tokens: 264 },
});
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
