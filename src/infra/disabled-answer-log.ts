/** The answer log when SOGA_LOG_ENABLED=false: records nothing, keeps feedback calls harmless. */
import type { AnswerLog } from '../core/ports.js';

export class DisabledAnswerLog implements AnswerLog {
  async record(): Promise<string> {
    return '';
  }
  async addFeedback(): Promise<void> {}
  close(): void {}
}
