import { describe, expect, it } from 'vitest';
import { addressesInNextTurn } from './address-next-turn.js';

const found = (text: string) => addressesInNextTurn(text).map((span) => text.slice(span.start, span.end));

describe('an address given in the next turn (round 21)', () => {
  it('reads the answer to a question for the address, after the next speaker and their timestamp', () => {
    expect(
      found(
        "Agent Fiona: Sure, what's the new address? / Visitor: apt 4, 119 rue Saint-Denis, Montréal QC H2X 3K8 / Agent",
      ),
    ).toEqual(['apt 4, 119 rue Saint-Denis, Montréal QC H2X 3K8']);
    expect(
      found('¿Dirección fiscal? / [14:23] Santiago: Bv. Oroño 1245, piso 3, S2000 Rosario, Santa Fe'),
    ).toEqual(['Bv. Oroño 1245, piso 3, S2000 Rosario, Santa Fe']);
  });

  it('leaves out the words around it and stops where the caller goes on', () => {
    expect(
      found(
        "Agent: And the address? Caller: it's 41 Harborne Park Road, Birmingham B17 0DE, it's the blue door. Agent:",
      ),
    ).toEqual(['41 Harborne Park Road, Birmingham B17 0DE']);
    expect(
      found(
        'Where to? Caller: 4417 North Kedzie Avenue, apartment 2R, Chicago. My neighbor, Mr. Delgado, is ill',
      ),
    ).toEqual([]);
    expect(
      found(
        'What is the address? Caller: 4417 North Kedzie Avenue, apartment 2R, Chicago. My neighbor is ill',
      ),
    ).toEqual(['4417 North Kedzie Avenue, apartment 2R, Chicago']);
  });

  it('takes no answer without a number and several parts', () => {
    expect(found('Agent: And the address? Caller: same as before, thanks')).toEqual([]);
    expect(found('Agent: postcode? Caller: 90210')).toEqual([]);
  });
});
