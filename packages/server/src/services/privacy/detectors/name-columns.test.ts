import { describe, expect, it } from 'vitest';
import { namesInColumns } from './name-columns.js';

const names = (text: string) => namesInColumns(text).map((span) => text.slice(span.start, span.end));

describe("names in a pasted table's name columns (round 18)", () => {
  it('reads the name cells of the rows under a header, whatever the delimiter, quotes and language', () => {
    expect(
      names(
        'name,email,phone,dob\nAisha Bello,aisha.bello@gmail.com,+234 803 555 0192,1990-04-12\nKenji Mori,k@x.jp,+81 90,1985',
      ),
    ).toEqual(['Aisha Bello', 'Kenji Mori']);
    expect(
      names('member_id;nombre;apellidos;dni;telefono\n1042;Ainhoa;Etxeberria Zubiri;72581943Q;688 214 905'),
    ).toEqual(['Ainhoa', 'Etxeberria Zubiri']);
    expect(
      names('"Ad Soyad","Telefon","E-posta"\n"Gökhan Yurt","0533 712 44 08","gokhan.yurt@yandex.com.tr"'),
    ).toEqual(['Gökhan Yurt']);
    // Exports and logs write the line break as `\n`.
    expect(names(String.raw`Full Name|Email|Plan\nBongani Dlamini|b@x.co.za|pro`)).toEqual([
      'Bongani Dlamini',
    ]);
  });

  it('stops at a row of another shape, and leaves empty, numeric and e-mail cells', () => {
    expect(
      names('name,email,phone\nn/a,x@y.com,123\nSee the notes below, thanks\nPeter Pan,p@q.com,1'),
    ).toEqual([]);
    expect(names('The name, the email and the phone are in the CRM.')).toEqual([]);
  });
});
