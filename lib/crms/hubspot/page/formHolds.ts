/**
 * Holding the HubSpot paths to a won stage that go through a form or the keyboard rather than a
 * click on a stage: a deal created from the create-deal panel (createIntents.ts), Save in a table
 * row's stage editor (tableIntents.ts), and a stage chosen with the keyboard in a stage dropdown
 * (Enter or Space on the active option, no click). Each is stopped before HubSpot sees it and
 * handed to the gate; let through, it is done again as the rep did it.
 */
import type { GateController } from '@/lib/gate/controller';
import type { HeldCreate, HeldMove } from '@/lib/gate/heldMove';
import type { HubSpotMapping } from '@/lib/settings/schema';
import type { Interceptor } from '@/lib/crms/shared/page/interceptor';
import { onPath } from '@/lib/crms/shared/page/dom';
import { hubspot } from '../entry';
import { optionChosenByKey, rememberPick } from './controls';
import { handoffFields, recognizeCreate, type CreateOnPage } from './createIntents';
import { recognizeStageChoice, type HubSpotMove } from './intents';
import { recognizeTableSave } from './tableIntents';
import { DROPDOWN_OPTION } from './selectors';

export interface FormHoldDeps {
  controller: Pick<GateController, 'shouldHoldCreate' | 'holdCreate'>;
  interceptor: Interceptor;
  /** The portal of the page, or null off deal pages. */
  instance(): string | null;
  /** The mapping at once when the page read it, else asked for again (null when it cannot be). */
  mapping(): HubSpotMapping | Promise<HubSpotMapping | null>;
  held(move: HubSpotMove, proceed: () => void): HeldMove | null;
  /** Presses a key on `target` as the page would receive it. */
  key(target: EventTarget, key: string): void;
  /** After the page's own save: read the record's deal again. */
  scheduleRefresh(): void;
}

export function formHolds(deps: FormHoldDeps) {
  const { controller, interceptor } = deps;

  /**
   * A deal created in a stage from the create-deal panel: held unless the stage is known not to be
   * won, and judged on the handoff its form holds (read with the mapping; if the settings could not
   * be read on arrival, they are asked for again now).
   */
  const holdCreation = (event: Event, found: CreateOnPage): void => {
    const portal = deps.instance();
    if (!portal) return;
    const create = (fields: HeldCreate['fields']): HeldCreate => ({
      crm: hubspot.id,
      instance: portal,
      target: found.target,
      fields,
      facts: found.facts,
      proceed: () => interceptor.replayClick(found.submit),
    });
    if (!controller.shouldHoldCreate(create({}))) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const judge = (mapping: HubSpotMapping | null) => void controller.holdCreate(create(mapping ? handoffFields(found.panel, mapping) : {}));
    const mapping = deps.mapping();
    if (mapping instanceof Promise) void mapping.then(judge);
    else judge(mapping);
  };

  return {
    /** A click that creates a deal or saves a table row's stage; true when it was one (held or not). */
    onClick(event: MouseEvent): boolean {
      const picked = onPath(event, DROPDOWN_OPTION);
      if (picked) rememberPick(picked);
      const creation = recognizeCreate(event);
      if (creation) {
        holdCreation(event, creation);
        return true;
      }
      const save = recognizeTableSave(event);
      if (!save) return false;
      const move = deps.held({ kind: 'table-edit', target: save.target, dealIds: [save.dealId] }, () => interceptor.replayClick(save.save));
      if (move) interceptor.hold(event, move);
      return true;
    },

    /**
     * A stage chosen with the keyboard in a stage dropdown; true when it moves a deal (held or not).
     * Let through, it is chosen again with a click on the same option, as a pointer would; or, if
     * the list is gone, with the same key on the same element.
     */
    onKeyDown(event: KeyboardEvent): boolean {
      const option = optionChosenByKey(event);
      if (!option) return false;
      rememberPick(option);
      const choice = recognizeStageChoice(option, location.href);
      if (!choice) return false;
      const target = event.composedPath()[0] as Element;
      const move = deps.held(choice, () => {
        if (option.isConnected) interceptor.replayClick(option);
        else interceptor.replay(target, () => deps.key(target, event.key));
        deps.scheduleRefresh();
      });
      if (move) interceptor.hold(event, move);
      return true;
    },
  };
}
