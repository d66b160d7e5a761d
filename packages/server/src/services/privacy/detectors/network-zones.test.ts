import { describe, expect, it } from 'vitest';
import { detectEmails } from './email.js';
import { detectInternalHosts } from './network.js';

const hosts = (text: string) => detectInternalHosts(text).map((span) => text.slice(span.start, span.end));
const emails = (text: string) => detectEmails(text).map((span) => text.slice(span.start, span.end));

describe('internal zones and Kubernetes service names', () => {
  it('takes a host in an `int.` zone of a public domain after an ssh login, and not as an e-mail', () => {
    const text = 'ssh deploy@build-runner-07.int.harborlogistics.net -i ~/.ssh/id_ed25519';
    expect(hosts(text)).toEqual(['build-runner-07.int.harborlogistics.net']);
    expect(emails(text)).toEqual([]);
    expect(hosts('scp -P 2222 backup@db2.corp.example.com:/dumps .')).toEqual(['db2.corp.example.com']);
  });

  it('keeps a mailbox in an internal zone an e-mail when no shell command takes it', () => {
    expect(emails('write to jane@mail.int.example.com')).toEqual(['jane@mail.int.example.com']);
    expect(hosts('write to jane@mail.int.example.com')).toEqual([]);
  });

  it('takes service.namespace.svc and the cluster.local forms', () => {
    expect(hosts('who owns the grafana-prod.monitoring.svc dashboard?')).toEqual([
      'grafana-prod.monitoring.svc',
    ]);
    expect(hosts('curl api.payments.svc.cluster.local:8080/health')).toEqual([
      'api.payments.svc.cluster.local',
    ]);
  });

  it('leaves a one-label `.svc` file and the `.int` top-level domain alone', () => {
    expect(hosts('open Service.svc in Visual Studio')).toEqual([]);
    expect(hosts('see who.int for the guidance')).toEqual([]);
  });
});
