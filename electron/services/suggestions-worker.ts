/**
 * The worker thread of suggestions (see suggestions-thread.ts). Before it reads anything it cuts
 * itself off the network (network-guard.ts). It trains a model from the segments it is sent
 * (and checks each code by cross-validation when asked), answers with the model as its file, and
 * keeps the model to answer requests for suggestions until it trains or is given another.
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { WorkbenchFailure } from '../../shared/model/failure';
import { readSuggestionModelFile, suggestionModelFile } from '../../shared/suggestions/model-file';
import { Suggester } from '../../shared/suggestions/suggestions';
import { crossValidate, DEFAULT_TRAINING, trainingSet, trainModel } from '../../shared/suggestions/training';
import { cutNetwork } from './network-guard';
import type { SuggestionsReply, SuggestionsRequest } from './suggestions-thread';

cutNetwork();

const port = parentPort!;
let suggester: Suggester | null = null;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function answer(request: SuggestionsRequest): SuggestionsReply {
  switch (request.kind) {
    case 'train': {
      const set = trainingSet(request.input, request.settings ?? DEFAULT_TRAINING);
      const model = trainModel(set);
      suggester = new Suggester(model);
      const quality = request.crossValidate ? crossValidate(set) : null;
      const texts = new Map(request.input.documents.map((document) => [document.id, document.text]));
      const file = suggestionModelFile({ model, examples: set.examples, quality }, { now: request.now, sha256, textOf: (id) => texts.get(id) ?? '' });
      return { kind: 'trained', json: JSON.stringify(file), quality };
    }
    case 'use': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(request.json);
      } catch (error) {
        throw new WorkbenchFailure('invalid-input', `The model could not be used: it is not JSON (${(error as Error).message}).`);
      }
      const reading = readSuggestionModelFile(parsed);
      if (!reading.ok) throw new WorkbenchFailure('invalid-input', `The model could not be used: ${reading.reason}.`);
      suggester = new Suggester(reading.model);
      return { kind: 'using', codes: suggester.trainedCodes };
    }
    case 'suggest': {
      if (!suggester) throw new WorkbenchFailure('not-found', 'There is no model to suggest from yet: train one first.');
      const model = suggester;
      return { kind: 'suggested', suggestions: request.documents.map(({ document, segments, rejected }) => model.suggest(document, segments, rejected, request.options)) };
    }
    default:
      throw new Error(`the suggestions worker does not know the request ${JSON.stringify((request as { kind?: unknown } | null)?.kind)}`);
  }
}

port.on('message', (request: SuggestionsRequest) => {
  let reply: SuggestionsReply;
  try {
    reply = answer(request);
  } catch (error) {
    reply = { kind: 'failed', code: error instanceof WorkbenchFailure ? error.code : null, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
