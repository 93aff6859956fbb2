import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A row about one cited object of any type (its attribution, a field's provenance), which it
 * names as a citation does: by GraphQL type name and id.
 */
export abstract class SubjectRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('varchar', { length: 32 })
  subjectType: string;

  @Column()
  subjectId: number;
}
