// The console chat: the bot's main job on a machine with no Telegram account. Reads questions line by line
// (a terminal or a pipe), answers each with cited excerpts.
import readline from 'node:readline';
import type { Answerer } from './answer/compose.ts';
import { afterQuestion, earlierQuestions, type ConversationState } from './answer/conversation.ts';
import type { Config } from './config.ts';
import { separateQuestions } from './text/questions.ts';

const MAX_QUESTION = 1000;

export async function consoleChat(answerer: Answerer, _config: Config, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const tty = (input as NodeJS.ReadStream).isTTY === true;
  const rl = readline.createInterface({ input, output: tty ? output : undefined, terminal: tty });
  const prompt = () => tty && rl.prompt();
  rl.setPrompt('? ');
  if (tty) output.write('Сұрағыңызды жазыңыз / Задайте вопрос (Ctrl-D — выход)\n');
  prompt();
  // follow-ups («А в Таразе?») lean on the questions before them, as in the bot
  let conversation: ConversationState | undefined;
  for await (const line of rl) {
    const question = line.trim();
    if (!question) {
      prompt();
      continue;
    }
    // two or three questions on one line are answered one after the other (text/questions.ts)
    for (const asked of separateQuestions(question.slice(0, MAX_QUESTION))) {
      const answer = await answerer.ask(asked, {}, 'ru', earlierQuestions(conversation));
      if (!answer.smallTalk) conversation = afterQuestion(conversation, asked, answer.followsUp); // «Спасибо» is no turn of it
      output.write(answer.answer + '\n\n');
    }
    prompt();
  }
}
